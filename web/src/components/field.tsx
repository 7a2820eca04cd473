/** A labelled form field with its hint and its error, wired together for assistive technology. */
import type { InputHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame.js";

export function Field({
  label,
  hint,
  error,
  ...input
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
} & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      control={(wiring) => <input {...wiring} {...input} />}
    />
  );
}
