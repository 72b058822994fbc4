/** A TypeScript program that runs its body and exits non-zero with the error on stderr if it throws: for tests that compile and run generated models. */
export function nodeProgram(imports: string, body: string): string {
  return `${imports}

async function main(): Promise<void> {
${body}
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}
