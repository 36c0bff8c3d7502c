/** The board's headline figures as a two-column table, on the dashboard and the summary page alike. */
export function FiguresTable({ figures }: { figures: Array<[label: string, value: string | number, ...rest: unknown[]]> }) {
  return (
    <table>
      <caption class="table-caption">Headline figures</caption>
      <tbody>
        {figures.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
