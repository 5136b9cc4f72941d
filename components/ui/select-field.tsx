/** One choice a filter form offers. */
export interface SelectOption {
  value: string | number;
  label: string;
}

/**
 * A labelled select whose first, empty option means "no filter", for the GET filter forms: the chosen
 * value lands in the URL under `name`, and an empty one is dropped.
 */
export function SelectField({
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | number | null | undefined;
  anyLabel: string;
  options: readonly SelectOption[];
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={value === null || value === undefined ? "" : String(value)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
