import type { BusinessHoursView, SetBusinessHoursRequest } from '@hub/contracts';
import { queryRows, type Queryable } from '../sql';
import type { BusinessCalendar } from './business-time';

interface BusinessHoursRow {
  department_id: string | null;
  time_zone: string;
  week: BusinessHoursView['week'];
  holidays: string[];
  updated_at: Date;
}

const COLUMNS = 'department_id, time_zone, week, holidays, updated_at';

function viewOf(row: BusinessHoursRow): BusinessHoursView {
  return {
    departmentId: row.department_id,
    timeZone: row.time_zone,
    week: row.week,
    holidays: row.holidays,
    updatedAt: row.updated_at.toISOString(),
  };
}

function calendarOf(row: BusinessHoursRow): BusinessCalendar {
  return { timeZone: row.time_zone, week: row.week, holidays: row.holidays };
}

/** Every read and write of `routing.business_hours`. */
export class BusinessHoursRepository {
  constructor(private readonly db: Queryable) {}

  /** The workspace's hours first, then each department's. */
  async list(workspaceId: string): Promise<BusinessHoursView[]> {
    const rows = await queryRows<BusinessHoursRow>(
      this.db,
      `select ${COLUMNS} from routing.business_hours
        where workspace_id = $1 order by department_id nulls first`,
      [workspaceId],
    );
    return rows.map(viewOf);
  }

  /** Inserts or replaces the hours of the workspace (`departmentId` null) or a department. */
  async put(hours: SetBusinessHoursRequest): Promise<BusinessHoursView> {
    const conflict =
      hours.departmentId === null
        ? '(workspace_id) where department_id is null'
        : '(department_id) where department_id is not null';
    const [row] = await queryRows<BusinessHoursRow>(
      this.db,
      `insert into routing.business_hours (workspace_id, department_id, time_zone, week, holidays)
       values ($1, $2, $3, $4, $5)
       on conflict ${conflict}
       do update set time_zone = excluded.time_zone, week = excluded.week,
                     holidays = excluded.holidays, updated_at = now()
       returning ${COLUMNS}`,
      [
        hours.workspaceId,
        hours.departmentId,
        hours.timeZone,
        JSON.stringify(hours.week),
        JSON.stringify(hours.holidays),
      ],
    );
    return viewOf(row);
  }

  async remove(workspaceId: string, departmentId: string | null): Promise<boolean> {
    const removed = await queryRows(
      this.db,
      `delete from routing.business_hours
        where workspace_id = $1 and department_id is not distinct from $2 returning id`,
      [workspaceId, departmentId],
    );
    return removed.length > 0;
  }

  /** The hours that apply to a department: its own, else the workspace's; null when none. */
  async calendarFor(
    workspaceId: string,
    departmentId: string | null,
  ): Promise<BusinessCalendar | null> {
    const [row] = await queryRows<BusinessHoursRow>(
      this.db,
      `select ${COLUMNS} from routing.business_hours
        where workspace_id = $1 and (department_id is null or department_id = $2)
        order by department_id nulls last limit 1`,
      [workspaceId, departmentId],
    );
    return row ? calendarOf(row) : null;
  }

  /** The workspace's calendar (null when none) and each department's own. */
  async calendarsOf(
    workspaceId: string,
  ): Promise<{ workspace: BusinessCalendar | null; departments: Map<string, BusinessCalendar> }> {
    const rows = await queryRows<BusinessHoursRow>(
      this.db,
      `select ${COLUMNS} from routing.business_hours where workspace_id = $1`,
      [workspaceId],
    );
    const workspaceRow = rows.find((row) => row.department_id === null);
    const departments = new Map<string, BusinessCalendar>();
    for (const row of rows)
      if (row.department_id !== null) departments.set(row.department_id, calendarOf(row));
    return { workspace: workspaceRow ? calendarOf(workspaceRow) : null, departments };
  }
}
