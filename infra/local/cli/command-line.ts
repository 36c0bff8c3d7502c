import { parseArgs, type ParseArgsConfig } from 'node:util';

/** An option as typed, without its dashes and case: "--dryrun" and "--Dry-Run" are "--dry-run" mistyped. */
const letters = (option: string) => option.replace(/[^a-z]/gi, '').toLowerCase();

/**
 * A command's arguments, or an error in the words of its usage line. Node's own ("To specify a
 * positional argument starting with a '-', place it at the end of the command after '--'") says
 * nothing a force admin can act on.
 */
export function readCommandLine<T extends ParseArgsConfig>(config: T, usage: string, help = ''): ReturnType<typeof parseArgs<T>> {
  // Asked for anywhere on the line, as most commands take it: the usage and what each option does.
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(help ? `${usage}\n\n${help}` : usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const typed = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = Object.keys(config.options ?? {});
      // Spelt another way, or cut short ("--mont"), as long as only one option begins so.
      const started = known.filter((option) => letters(typed).length >= 3 && letters(option).startsWith(letters(typed)));
      const meant = known.find((option) => letters(option) === letters(typed)) ?? (started.length === 1 ? started[0] : undefined);
      throw new Error(`There is no option ${typed}${meant ? `: did you mean --${meant}?` : '.'}\n${usage}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Error(`${typed} needs a value after it.\n${usage}`);
    throw new Error(usage);
  }
}
