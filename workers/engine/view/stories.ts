// The free-behaviour story: which commands of a session it takes, and the one it tells when the session has none.
// Kept free of engine imports so the UI can use it without loading the engine.

/** The story shown when the session has none: write, delete, fstrim, rm. */
export const defaultStory: readonly string[] = [
  'docker run -d --privileged --name web ubuntu sleep infinity',
  'docker exec web dd if=/dev/zero of=/big bs=1M count=100',
  'docker exec web rm /big',
  'docker exec web fstrim /',
  'docker rm -f web',
];

// Commands that act on containers, images or blocks (not the setup, not reports such as docker info).
const storyCommand =
  /^\s*(?:sudo\s+)?(?:docker\s+(?:run|create|start|stop|rm|rmi|exec|pull|commit|kill|restart)\b|sim\s+(?:write|discard)\b)/;

/** The story of a session: its container, image and block commands in order; the default story when none. */
export function storyOf(commands: readonly string[]): string[] {
  const story = commands.filter((c) => !c.includes('\n') && storyCommand.test(c));
  return story.length ? story : [...defaultStory];
}
