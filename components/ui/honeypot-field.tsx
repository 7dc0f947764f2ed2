/**
 * A honeypot for forms that strangers may post (corrections, watching): out of sight and out of the tab order, with a
 * label a bot fills in. People never see it; the data layer answers a submission that fills it as any other and keeps
 * nothing.
 */
export function HoneypotField({ id, label }: { id: string; label: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
