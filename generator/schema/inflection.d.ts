// inflection 1.13.4 (pinned to match Sequelize v6's table names) ships no type declarations.
declare module 'inflection' {
  export function pluralize(word: string): string;
  export function singularize(word: string): string;
  export function underscore(word: string): string;
  export function camelize(word: string, lowFirstLetter?: boolean): string;
}
