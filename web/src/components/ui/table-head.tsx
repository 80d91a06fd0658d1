import { cx } from './class-names';

export interface TableColumn {
  label: string;
  /** Figures are set right, so their heading is too. */
  numeric?: boolean;
  /** Read out but not shown: a column of links and buttons whose own words say what they do. */
  hidden?: boolean;
}

/** `false` or `null` stands for a column that does not apply on this page, written inline like its cells. */
type Column = string | TableColumn | false | null;

const applies = (column: Column): column is string | TableColumn => column !== false && column !== null;

/** The column headings of a GOV.UK table. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.filter(applies).map((column, index) => {
          const { label, numeric = false, hidden = false } = typeof column === 'string' ? { label: column } : column;
          return (
            // A heading holds no state, so its place is key enough.
            <th scope="col" className={cx('govuk-table__header', numeric && 'govuk-table__header--numeric')} key={index}>
              {hidden ? <span className="govuk-visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
