/** A labelled multi-line field with its hint and its error, wired like `Field`. */
import type { TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame.js";

export function TextAreaField({
  label,
  hint,
  error,
  ...textarea
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      control={(wiring) => <textarea {...wiring} {...textarea} />}
    />
  );
}
