import { forwardRef, type InputHTMLAttributes } from "react";

export const inputClassName =
  "h-10 w-full rounded-md border border-field bg-white px-3 text-sm placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 aria-invalid:border-red-500 dark:bg-slate-950";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className = "", ...props },
  ref,
) {
  return <input ref={ref} className={`${inputClassName} ${className}`} {...props} />;
});
