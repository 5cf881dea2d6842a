// A view panel as a standalone SVG document (its DOM with computed styles inlined, canvases as images) and as PNG.

const svgNs = 'http://www.w3.org/2000/svg';
const xhtmlNs = 'http://www.w3.org/1999/xhtml';
// Properties worth copying: enough to draw the views, few enough to keep files small.
const styleProps = [
  'display', 'position', 'box-sizing', 'width', 'height', 'margin', 'padding', 'border', 'border-radius',
  'background-color', 'color', 'font-family', 'font-size', 'font-weight', 'line-height', 'text-align',
  'white-space', 'flex-direction', 'flex-wrap', 'justify-content', 'align-items', 'gap', 'grid-template-columns',
  'grid-template-rows', 'fill', 'stroke', 'stroke-width', 'opacity', 'overflow', 'top', 'left', 'right', 'bottom',
  'text-anchor', 'dominant-baseline', 'font-variant-numeric', 'vertical-align',
];

// Each copied element gets a class and a rule with its computed style: no style attributes (the page's CSP forbids them).
function collectStyles(src: Element, dst: Element, rules: string[]): void {
  const cs = getComputedStyle(src);
  const cls = `x${rules.length}`;
  rules.push(`.${cls}{${styleProps.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';')}}`);
  dst.setAttribute('class', cls);
  const a = src.children;
  const b = dst.children;
  for (let i = 0; i < a.length && i < b.length; i++) collectStyles(a[i], b[i], rules);
}

function replaceCanvases(doc: Document, src: Element, dst: Element): void {
  const from = src.querySelectorAll('canvas');
  const to = dst.querySelectorAll('canvas');
  from.forEach((c, i) => {
    const img = doc.createElementNS(xhtmlNs, 'img');
    img.setAttribute('src', c.toDataURL('image/png'));
    img.setAttribute('width', String(c.clientWidth || c.width));
    img.setAttribute('height', String(c.clientHeight || c.height));
    to[i]?.replaceWith(img);
  });
}

/** The panel as SVG text: a foreignObject holding a styled copy of its content, on the page's background. */
export function viewSvg(panel: HTMLElement): { svg: string; width: number; height: number } {
  const width = Math.ceil(panel.scrollWidth);
  const height = Math.ceil(panel.scrollHeight);
  const doc = document.implementation.createDocument(svgNs, 'svg', null);
  const clone = doc.importNode(panel, true) as Element;
  const rules: string[] = [];
  collectStyles(panel, clone, rules);
  replaceCanvases(doc, panel, clone);
  clone.querySelectorAll('button, input, select').forEach((el) => el.setAttribute('tabindex', '-1'));
  const svg = doc.documentElement;
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = doc.createElementNS(svgNs, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#fff');
  svg.append(bg);
  const fo = doc.createElementNS(svgNs, 'foreignObject');
  fo.setAttribute('width', String(width));
  fo.setAttribute('height', String(height));
  const body = doc.createElementNS(xhtmlNs, 'div');
  body.append(clone);
  fo.append(body);
  svg.append(fo);
  // The rules go in as text of the serialized file, never as a style element of a live document.
  const text = new XMLSerializer().serializeToString(svg);
  const style = `<style>${rules.join('\n').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</style>`;
  return { svg: text.replace(/^(<svg[^>]*>)/, `$1${style}`), width, height };
}

/** The panel as a PNG blob at device pixel ratio `scale`. */
export async function viewPng(panel: HTMLElement, scale = Math.max(1, window.devicePixelRatio || 1)): Promise<Blob> {
  const { svg, width, height } = viewSvg(panel);
  const img = new Image();
  img.decoding = 'sync';
  const url = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the view could not be drawn'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG produced'))), 'image/png'),
  );
}
