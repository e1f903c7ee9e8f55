/**
 * Where and why a text is not JSON, in the user's language: `line 3, column 5: ',' expected`. JSON.parse
 * decides whether the text is JSON; jsonc-parser (Microsoft's scanner behind VS Code, no dependencies) only
 * finds the first error's place and kind, in strict mode (no comments, no trailing commas), because V8's
 * messages are English, often name no position, and cut the text off ("Unexpected token 'h', "hello…").
 */
import { parse, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import type { Locale } from '../../core/model/index.ts';

type Why = Record<Locale, string>;

const both = (en: string, nl: string): Why => ({ en, nl });

function describe(code: ParseErrorCode, found: string): Why {
  // The package's codes are an ambient const enum: compared by their printed names.
  switch (printParseErrorCode(code)) {
    case 'InvalidSymbol':
      return both(`unexpected character ${found}`, `onverwacht teken ${found}`);
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return both('a number is not written correctly', 'een getal is niet goed geschreven');
    case 'PropertyNameExpected':
      return both(
        'a property name in double quotes expected',
        'een eigenschapsnaam tussen dubbele aanhalingstekens verwacht',
      );
    case 'ValueExpected':
      return both('a value expected', 'een waarde verwacht');
    case 'ColonExpected':
      return both("':' expected", "':' verwacht");
    case 'CommaExpected':
      return both("',' expected", "',' verwacht");
    case 'CloseBraceExpected':
      return both("'}' expected", "'}' verwacht");
    case 'CloseBracketExpected':
      return both("']' expected", "']' verwacht");
    case 'EndOfFileExpected':
      return both('text after the end of the JSON', 'tekst na het einde van de JSON');
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return both('comments are not allowed in JSON', 'commentaar is in JSON niet toegestaan');
    case 'UnexpectedEndOfString':
      return both('a string is not closed with "', 'een tekst is niet afgesloten met "');
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter':
      return both('a string holds an invalid \\ escape', 'een tekst bevat een ongeldige \\-code');
    case 'InvalidCharacter':
      return both(
        'a string holds a control character (a tab or line break: write \\t or \\n)',
        'een tekst bevat een stuurteken (een tab of regeleinde: schrijf \\t of \\n)',
      );
    default:
      return both('not valid here', 'hier niet geldig');
  }
}

/** 1-based line and column of `offset` in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * Why `text` (which JSON.parse refused) is not JSON, with the place: `line 1, column 1: unexpected character
 * "h"` / `regel 1, kolom 1: onverwacht teken "h"`; at the end of the text, that it ends too soon.
 */
export function jsonErrorText(text: string, lang: Locale): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return lang === 'nl' ? 'onbekende fout' : 'unknown error';
  const found = JSON.stringify(String.fromCodePoint(text.codePointAt(first.offset) ?? 32));
  const why = describe(first.error, found)[lang];
  if (first.offset >= text.trimEnd().length)
    return lang === 'nl' ? `de invoer houdt te vroeg op: ${why}` : `the input ends too soon: ${why}`;
  const { line, column } = lineColumn(text, first.offset);
  return lang === 'nl' ? `regel ${line}, kolom ${column}: ${why}` : `line ${line}, column ${column}: ${why}`;
}
