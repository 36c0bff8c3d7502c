import type { DigestLine } from '../../functions/core/reminders/reminder-plan.js';
import { ageText } from '../../functions/core/reminders/line-words.js';
import { styles } from './email-layout.js';

// A short ref ("AFI 3") kept whole rather than broken over two lines on a phone; a long one may wrap.
const refStyle = (ref: string) => (ref.length <= 12 ? `${styles.td}white-space:nowrap;` : styles.td);

/** Refs and ages, one row each: the only details of an action an email shows. A data table, so no role="presentation": its headings are read out. */
export function DigestTable({ lines, waitingSignOff = false }: { lines: DigestLine[]; waitingSignOff?: boolean }) {
  return (
    <table cellpadding="0" cellspacing="0" border={0} style={styles.table}>
      <tr>
        <th style={styles.th}>Ref</th>
        <th style={styles.th}>{waitingSignOff ? 'Sign-off' : 'Last update'}</th>
      </tr>
      {lines.map((line) => (
        <tr>
          <td style={refStyle(line.ref)}>{line.ref}</td>
          <td style={styles.td}>{ageText(line, waitingSignOff)}</td>
        </tr>
      ))}
    </table>
  );
}
