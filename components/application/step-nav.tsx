"use client";
import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";

export function StepNav({
  applicationId,
  steps,
}: {
  applicationId: string;
  steps: readonly { slug: string; title: string; complete: boolean }[];
}) {
  const segment = useSelectedLayoutSegment();
  return (
    <nav aria-label="Steg i søknaden">
      <ol className="space-y-1">
        {steps.map((step, index) => {
          const current = segment === step.slug;
          return (
            <li key={step.slug}>
              <Link
                href={`/soker/soknad/${applicationId}/${step.slug}`}
                aria-current={current ? "step" : undefined}
                className={`flex items-center gap-3 rounded-md px-3 py-2 no-underline ${
                  current ? "bg-brand-600 text-white hover:text-white" : "text-slate-900 hover:bg-slate-100"
                }`}
              >
                <span
                  aria-hidden="true"
                  className={`flex size-7 shrink-0 items-center justify-center rounded-full border text-sm font-semibold ${
                    step.complete ? "border-green-700 bg-green-700 text-white" : current ? "border-white" : "border-slate-500"
                  }`}
                >
                  {step.complete ? "✓" : index + 1}
                </span>
                <span>
                  {step.title}
                  <span className="sr-only">{step.complete ? " (utfylt)" : " (ikke ferdig)"}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
