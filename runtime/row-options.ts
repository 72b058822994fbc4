/** The options marking a row read from the database: the model constructor's fast path (by identity). */
export interface RowBuildOptions {
  isNewRecord?: boolean;
  raw?: boolean;
}
export const ROW_OPTIONS: RowBuildOptions = Object.freeze({ isNewRecord: false, raw: true });
