// Said once at the top of each application step with fields. The labels mark only the optional
// fields («(valgfritt)», components/ui/field.tsx), and a walk read an unmarked field as optional:
// this says what the unmarked ones are.
export function RequiredFieldsNote() {
  return <p className="mt-2 text-slate-700">Felt merket «(valgfritt)» kan stå tomme. De andre må være fylt ut før du kan sende søknaden.</p>;
}
