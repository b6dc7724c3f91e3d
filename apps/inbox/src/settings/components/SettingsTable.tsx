import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** A settings list: one row per item, its columns, and the buttons acting on it last. */
export function SettingsTable<T extends { id: string }>(props: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[] | undefined;
  actions?: (row: T) => ReactNode;
}) {
  const { t } = useTranslation('settings');
  return (
    <table className="settings-table">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col" key={column.header}>
              {column.header}
            </th>
          ))}
          {props.actions ? <th scope="col">{t('actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {(props.rows ?? []).map((row) => (
          <tr key={row.id}>
            {props.columns.map((column) => (
              <td key={column.header} className={column.className}>
                {column.cell(row)}
              </td>
            ))}
            {props.actions ? (
              <td>
                <div className="row-actions">{props.actions(row)}</div>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
