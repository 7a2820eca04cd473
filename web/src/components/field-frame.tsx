/**
 * The label, hint and error around one form control, wired together for assistive technology:
 * `Field` and `TextAreaField` differ only in the control they put inside.
 */
import { useId, type ReactNode } from "react";

export interface ControlWiring {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export function FieldFrame({
  label,
  hint,
  error,
  control,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** renders the control with the attributes that tie it to its label, hint and error */
  control: (wiring: ControlWiring) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {control({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy === "" ? undefined : describedBy,
      })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
