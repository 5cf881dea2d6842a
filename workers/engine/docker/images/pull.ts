// What `docker pull` prints: per-layer progress (or "Already exists"), digest, status; and its error texts.
import { atLeast } from '../config/version';
import type { Image } from './image';
import type { ImageRef } from './reference';

/** What the daemon already has of the image being pulled. */
export interface LocalState {
  /** diff ids of layers present locally. */
  layers: ReadonlySet<string>;
  /** The same image id is already tagged repository:tag. */
  tagged: boolean;
}

/**
 * The lines of a successful pull. On a terminal each layer's line ends at its last status; without one
 * (`tty: false`) every status message is a line of its own, as jsonmessage prints them.
 */
export function pullLines(ref: ImageRef, image: Image, local: LocalState, tty = true): string[] {
  const out: string[] = [];
  if (ref.defaultTag) out.push('Using default tag: latest');
  out.push(`${ref.tag}: Pulling from library/${ref.repository}`);
  const name = `${ref.repository}:${ref.tag}`;
  if (local.tagged) {
    out.push(`Digest: sha256:${image.digest}`, `Status: Image is up to date for ${name}`);
    return out;
  }
  const short = (l: Image['layers'][number]) => l.blobDigest.slice(0, 12);
  const missing = image.layers.filter((l) => !local.layers.has(l.diffId));
  if (tty) {
    for (const l of image.layers) out.push(`${short(l)}: ${local.layers.has(l.diffId) ? 'Already exists' : 'Pull complete'}`);
  } else {
    for (const l of image.layers) out.push(`${short(l)}: ${local.layers.has(l.diffId) ? 'Already exists' : 'Pulling fs layer'}`);
    for (const l of missing) out.push(`${short(l)}: Verifying Checksum`, `${short(l)}: Download complete`);
    for (const l of missing) out.push(`${short(l)}: Pull complete`);
  }
  out.push(`Digest: sha256:${image.digest}`, `Status: Downloaded newer image for ${name}`);
  return out;
}

/** The daemon's answer for a repository the registry does not have (stderr, exit 1). */
export function repositoryNotFound(repository: string, version: string): string {
  return atLeast(version, '17.06.0')
    ? `Error response from daemon: pull access denied for ${repository}, repository does not exist or may require 'docker login'`
    : `Error response from daemon: repository ${repository} not found: does not exist or no pull access`;
}

/** The daemon's answer for a tag the repository does not have (stderr, exit 1). */
export function manifestNotFound(repository: string, tag: string): string {
  return `Error response from daemon: manifest for ${repository}:${tag} not found`;
}

/** The client's answer for a malformed reference (stderr, exit 1). */
export function invalidReference(ref: string, version: string): string {
  return atLeast(version, '17.06.0')
    ? 'invalid reference format'
    : `Error parsing reference: "${ref}" is not a valid repository/tag: invalid reference format`;
}
