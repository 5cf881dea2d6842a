// How the terminal writes commands back: bash's PS1 and PS2 prompts and the lines of a multi-line command.

/** PS1 of the simulated root shell. */
export const prompt = '[root@host ~]# ';

/** PS2, shown before each further line of a command (heredoc body, continuation). */
export const continuationPrompt = '> ';

/** The lines of a command as echoed on screen (one prompt per line). */
export function displayLines(command: string): string[] {
  return command.split('\n');
}
