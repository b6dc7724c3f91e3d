import { chosenDepartment } from '../../state/widget-state';
import { useWidget } from '../../ui/widget-context';

/** The departments the inbox shows, before the first message (it routes the conversation). */
export function DepartmentPicker() {
  const { store, state, t } = useWidget();
  const chosen = chosenDepartment(state);
  return (
    <label class="field department">
      <span class="field-label">{t('department')}</span>
      <select
        class="input"
        value={chosen?.id}
        onChange={(event) => store.chooseDepartment((event.target as HTMLSelectElement).value)}
      >
        {state.config.departments.map((department) => (
          <option key={department.id} value={department.id}>
            {department.online
              ? department.name
              : t('departmentOffline', { name: department.name })}
          </option>
        ))}
      </select>
    </label>
  );
}
