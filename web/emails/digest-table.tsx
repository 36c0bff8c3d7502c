import type { DigestLine } from '../../functions/core/reminders/reminder-plan.js';
import { ageText } from './digest-wording.js';
import { styles } from './email-layout.js';

/** Refs and ages, one row each: the only details of an action an email shows. */
export function DigestTable({ lines }: { lines: DigestLine[] }) {
  return (
    <table role="presentation" cellpadding="0" cellspacing="0" border={0} style={styles.table}>
      <tr>
        <th style={styles.th}>Ref</th>
        <th style={styles.th}>Last update</th>
      </tr>
      {lines.map((line) => (
        <tr>
          <td style={styles.td}>{line.ref}</td>
          <td style={styles.td}>{ageText(line)}</td>
        </tr>
      ))}
    </table>
  );
}
