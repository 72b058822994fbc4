/** A file the generator produces: its path inside the output folder (posix separators) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}
