import type { ReactNode } from 'react';

/** A fieldset of checkboxes choosing some of `options` (by value), in their order. */
export function CheckboxGroup(props: {
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Shown under the legend: a hint, or the hub's refusal of the field. */
  children?: ReactNode;
}) {
  const toggle = (value: string, on: boolean) =>
    props.onChange(
      on ? [...props.selected, value] : props.selected.filter((item) => item !== value),
    );
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.children}
      {props.options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={props.selected.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
