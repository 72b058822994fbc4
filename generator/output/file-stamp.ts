import { statSync } from 'node:fs';

/** The stat of a file as a string (see CachedFile.stamp); undefined when it does not exist. */
export function fileStamp(file: string): string | undefined {
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat && `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
}
