/**
 * Command lines for the CLI tools, read by Node's own `util.parseArgs` with each
 * tool's option table; this module only turns parseArgs' findings into the
 * sentences the tools print ("--out needs a value", "unknown option --fast") and
 * writes the option lines of the usage text from the same table, so an option is
 * added with one line.
 *
 * parseArgs runs non-strict with tokens because its strict errors are English
 * paragraphs with a hint about `--`; the checks below are the strict ones, worded
 * for these tools.
 */
import { parseArgs, type ParseArgsOptionDescriptor, type ParseArgsOptionsConfig } from 'node:util';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** One option: parseArgs' descriptor plus its line of help. */
export type OptionSpec = ParseArgsOptionDescriptor & {
  /** The value's placeholder in the usage text (FILE, N, …); string options only. */
  value?: string;
  help: string;
};

export type OptionTable = Record<string, OptionSpec>;

/** What parseArgs' strict mode would type `values` as for this table. */
export type OptionValues<O extends OptionTable> = ReturnType<
  typeof parseArgs<{ options: O & ParseArgsOptionsConfig; strict: true; allowPositionals: true }>
>['values'];

export interface CommandLine<O extends OptionTable> {
  values: OptionValues<O>;
  positionals: string[];
}

/** Reads `argv` against `table`; the first problem found is the error. */
export function parseCommandLine<const O extends OptionTable>(argv: readonly string[], table: O): Outcome<CommandLine<O>> {
  const { tokens, positionals } = parseArgs({ args: [...argv], options: table, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | (string | boolean)[]> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(table, token.name) ? table[token.name] : undefined;
    if (spec === undefined) return { ok: false, error: `unknown option ${token.rawName}` };
    let value: string | boolean;
    if (spec.type === 'boolean') {
      if (token.inlineValue) return { ok: false, error: `${token.rawName} takes no value` };
      value = true;
    } else {
      // `--out --title x`: parseArgs would take "--title" as the file name.
      const missing = token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('--') && token.value.length > 2);
      if (missing) return { ok: false, error: `${token.rawName} needs a value` };
      value = token.value as string;
    }
    if (spec.multiple) values[token.name] = [...((values[token.name] as (string | boolean)[] | undefined) ?? []), value];
    else values[token.name] = value;
  }
  for (const [name, spec] of Object.entries(table)) {
    if (values[name] === undefined && spec.default !== undefined) values[name] = spec.default;
  }
  return { ok: true, value: { values: values as OptionValues<O>, positionals } };
}

/** The usage text's lines: `rows` first (positionals: [name, help]), then the options in table order, aligned. */
export function optionLines(table: OptionTable, rows: readonly (readonly [string, string])[] = []): string[] {
  const options = Object.entries(table).map(([name, spec]): readonly [string, string] => {
    const short = spec.short === undefined ? '' : `-${spec.short}, `;
    return [`${short}--${name}${spec.type === 'string' && spec.value !== undefined ? ` ${spec.value}` : ''}`, spec.help];
  });
  const all = [...rows, ...options];
  const width = Math.max(...all.map(([head]) => head.length));
  return all.map(([head, help]) => `  ${head.padEnd(width)}  ${help}`);
}

/** `--help` or `-h` before any `--`: the tools then print their usage and succeed, whatever else is wrong. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
