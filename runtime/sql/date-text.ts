/**
 * A Date as a parameter's text, exactly as node-postgres' prepareValue sends it: local time with
 * the offset (`2024-06-01T08:00:00.000-04:00`), or UTC with `+00:00` when pg's
 * `defaults.parseInputDatesAsUTC` is set; years before 1 as `... BC`. The PGlite driver uses it
 * so that `timestamp without time zone` columns store the same wall-clock time on both engines.
 */
export function dateParameterText(date: Date, utc = false): string {
  let year = utc ? date.getUTCFullYear() : date.getFullYear();
  const isBC = year < 1;
  if (isBC) year = Math.abs(year) + 1; // year 0 is 1 BC
  const two = (n: number): string => String(n).padStart(2, '0');
  let text =
    `${String(year).padStart(4, '0')}-` +
    `${two((utc ? date.getUTCMonth() : date.getMonth()) + 1)}-${two(utc ? date.getUTCDate() : date.getDate())}T` +
    `${two(utc ? date.getUTCHours() : date.getHours())}:${two(utc ? date.getUTCMinutes() : date.getMinutes())}:` +
    `${two(utc ? date.getUTCSeconds() : date.getSeconds())}.${String(utc ? date.getUTCMilliseconds() : date.getMilliseconds()).padStart(3, '0')}`;
  let offset = utc ? 0 : -date.getTimezoneOffset();
  text += offset < 0 ? '-' : '+';
  offset = Math.abs(offset);
  text += `${two(Math.floor(offset / 60))}:${two(offset % 60)}`;
  return isBC ? `${text} BC` : text;
}
