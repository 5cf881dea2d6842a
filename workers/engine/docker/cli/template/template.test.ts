// Go text/template (Go 1.7, as docker 17.03 is built) with docker's functions: outputs and error texts.
// Error wordings: golang text/template/parse (lex.go, parse.go) and exec.go's ErrorContext ("template: :LINE:COL:").
import { describe, expect, it } from 'vitest';
import { parseDockerTemplate, runDockerTemplate } from './dockerTemplates';
import { goMap, goStruct } from './goValue';

const info = () =>
  goStruct('types.Info', {
    Driver: 'devicemapper',
    DriverStatus: [
      ['Pool Name', 'docker-253:0-1-pool'],
      ['Data file', ''],
    ],
    Containers: 2,
    Labels: goMap({ b: '2', a: '1' }),
  });

function run(format: string, data: unknown = info()): string {
  const p = parseDockerTemplate(format);
  if (!p.ok) return `PARSE ${p.error}`;
  const r = runDockerTemplate(p.tmpl, data);
  return r.ok ? r.out : `EXEC ${r.error}`;
}

describe('executing', () => {
  it('prints fields, slices as [a b] and maps as sorted map[k:v]', () => {
    expect(run('{{.Driver}} {{.Containers}}')).toBe('devicemapper 2');
    expect(run('{{.DriverStatus}}')).toBe('[[Pool Name docker-253:0-1-pool] [Data file ]]');
    expect(run('{{.Labels}}')).toBe('map[a:1 b:2]');
  });
  it('json, pipelines and docker functions', () => {
    expect(run('{{json .DriverStatus}}')).toBe('[["Pool Name","docker-253:0-1-pool"],["Data file",""]]');
    expect(run('{{.Driver | upper}}')).toBe('DEVICEMAPPER');
    expect(run('{{join (split .Driver "m") ","}}')).toBe('device,apper');
    expect(run('{{title "thin pool"}} {{truncate .Driver 6}} {{lower "ABC"}}')).toBe('Thin Pool device abc');
    expect(run('{{json .Labels}}')).toBe('{"a":"1","b":"2"}');
  });
  it('range with . and $, index, len, if/else, printf', () => {
    expect(run('{{range .DriverStatus}}{{index . 0}}={{index . 1}};{{end}}')).toBe(
      'Pool Name=docker-253:0-1-pool;Data file=;',
    );
    expect(run('{{range $i, $p := .DriverStatus}}{{$i}}{{$.Driver}} {{end}}')).toBe('0devicemapper 1devicemapper ');
    expect(run('{{len .DriverStatus}} {{index .Labels "a"}}')).toBe('2 1');
    expect(run('{{if gt .Containers 1}}many{{else}}few{{end}}')).toBe('many');
    expect(run('{{if .Missing}}x{{else}}y{{end}}', goMap({}))).toBe('y');
    expect(run('{{printf "%s:%3d" .Driver .Containers}}')).toBe('devicemapper:  2');
  });
  it('a missing map key prints <no value>; trim markers eat spaces', () => {
    expect(run('{{.Labels.zz}}')).toBe('<no value>');
    expect(run('a  {{- .Containers -}}  b')).toBe('a2b');
  });
  it("a missing struct field is Go's execution error with line:column", () => {
    expect(run('{{.Foo}}')).toBe(
      'EXEC template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type types.Info',
    );
    expect(run('x\n  {{.Driver.Size}}')).toBe(
      'EXEC template: :2:4: executing "" at <.Driver.Size>: can\'t evaluate field Size in type string',
    );
    expect(run('{{index .DriverStatus 5}}')).toBe(
      'EXEC template: :1:2: executing "" at <index .DriverStatus ...>: error calling index: index out of range: 5',
    );
  });
  it("with missingkey=error (inspect's raw fallback) a missing key fails", () => {
    const p = parseDockerTemplate('{{.Foo}}');
    if (!p.ok) throw new Error(p.error);
    const r = runDockerTemplate(p.tmpl, goMap({ Id: 'x' }), true);
    expect(r).toEqual({
      ok: false,
      out: '',
      error: 'template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    });
  });
});

describe('parse errors', () => {
  it.each([
    ['{{.Driver}', 'template: :1: unexpected "}" in operand'],
    ['{{.Driver', 'template: :1: unclosed action'],
    ['{{range .X}}', 'template: :1: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{foo .X}}', 'template: :1: function "foo" not defined'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['a\n{{.X @}}', 'template: :2: unexpected "@" in operand'],
  ])('%s', (format, error) => {
    expect(parseDockerTemplate(format)).toEqual({ ok: false, error });
  });
});
