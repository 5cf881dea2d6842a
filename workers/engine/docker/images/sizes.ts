// How `docker images` prints an image's size: go-units with 3 significant digits, spaced before 17.06.
import { goFormatG } from '../../units';
import { atLeast } from '../config/version';
import type { Image } from './image';

const abbrs = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** units.HumanSizeWithPrecision(size, 3): "1.11 MB" (17.03), "1.11MB" (17.06+), "129 MB". */
export function imageSizeText(bytes: number, version: string): string {
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < abbrs.length - 1) {
    v /= 1000;
    i++;
  }
  return `${goFormatG(v, 3)}${atLeast(version, '17.06.0') ? '' : ' '}${abbrs[i]}`;
}

/** The 12-digit id `docker images` shows. */
export function shortImageId(image: Image): string {
  return image.id.slice(0, 12);
}
