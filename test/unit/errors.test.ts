/**
 * Every error gen-models shows a user is a GenModelsError (generator/errors.ts): the CLI prints
 * those as one clean message and takes anything else for a bug. This holds the source to it: a
 * new plain `Error` the user could meet would be printed as a crash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenModelsError, UsageError, FileSystemError, systemReason } from '../../generator/errors';
import { SchemaError } from '../../generator/schema/schema-error';
import { ForeignFileError } from '../../generator/output/write';
import { CollisionError } from '../../generator/merge/merge-hand-written';
import { HandWrittenCodeError } from '../../generator/merge/hand-written-code';
import { IntrospectionError } from '../../generator/introspect/introspection-error';

const GENERATOR = path.join(__dirname, '../../generator');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** Errors that never reach a user: a bug if thrown, or caught and turned into a GenModelsError. */
const INTERNAL = [
  'errors.ts: export class GenModelsError extends Error',
  'layout/literals.ts: if (!Number.isFinite(value)) throw new Error(`Internal error',
  'schema/type-tokens.ts: export class TypeSyntaxError extends Error',
];

test('the generator throws no plain Error a user could see, and every error class is a GenModelsError', () => {
  const found = sources(GENERATOR).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /new Error\(|new TypeError\(|extends Error\b/.test(line))
      .map((line) => `${path.relative(GENERATOR, file)}: ${line.trim()}`),
  );
  expect(found.filter((line) => !INTERNAL.some((known) => line.startsWith(known)))).toEqual([]);
});

test('the error classes share the base; usage errors exit 2, the others 1', () => {
  const errors = [
    new SchemaError([{ file: 's.yaml', line: 1, column: 1, message: 'bad' }]),
    new ForeignFileError(['models/User.ts']),
    new CollisionError([{ file: 'User.ts', collision: { name: 'x', scope: 'class member' } }]),
    new HandWrittenCodeError('User.ts: bad'),
    new IntrospectionError('no tables', 'no-tables'),
    new FileSystemError('write', 'models/User.ts', new Error("EACCES: permission denied, open 'x'")),
    new UsageError('--force only goes with --prune'),
  ];
  expect(errors.map((error) => [error.name, error instanceof GenModelsError, error.exitCode])).toEqual([
    ['SchemaError', true, 1],
    ['ForeignFileError', true, 1],
    ['CollisionError', true, 1],
    ['HandWrittenCodeError', true, 1],
    ['IntrospectionError', true, 1],
    ['FileSystemError', true, 1],
    ['UsageError', true, 2],
  ]);
});

test('a system error is told by its reason and code, without the path Node put in it', () => {
  const error = Object.assign(
    new Error("ENAMETOOLONG: name too long, open '/x/.User.ts.gen-models-tmp-12'"),
    {
      code: 'ENAMETOOLONG',
    },
  );
  expect(systemReason(error)).toBe('name too long (ENAMETOOLONG)');
  expect(new FileSystemError('write', 'models/User.ts', error).message).toBe(
    'cannot write models/User.ts: name too long (ENAMETOOLONG)',
  );
});
