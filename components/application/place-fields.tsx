"use client";
// County (fylke) and municipality (kommune): choosing a county narrows the municipalities.
// Without JavaScript every municipality is listed by county, and the server checks the pair.
import { useState } from "react";
import { COUNTIES, municipalityChoices } from "@/lib/data/norway-places";
import { describedBy, FieldMessages } from "@/components/ui/field";

export function PlaceFields({
  countyName,
  municipalityName,
  countyLabel,
  municipalityLabel,
  county,
  municipality,
  errors,
  hint,
}: {
  countyName: string;
  municipalityName: string;
  countyLabel: string;
  municipalityLabel: string;
  county: string;
  municipality: string;
  errors: { county?: string[]; municipality?: string[] };
  hint?: string;
}) {
  const [chosenCounty, setChosenCounty] = useState(county);
  const options = chosenCounty ? municipalityChoices(chosenCounty) : null;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <div>
        <label htmlFor={countyName} className="block font-medium">
          {countyLabel}
        </label>
        <FieldMessages id={countyName} hint={hint} />
        <select
          id={countyName}
          name={countyName}
          className="input mt-1"
          defaultValue={county}
          onChange={(event) => setChosenCounty(event.target.value)}
          {...describedBy(countyName, hint, errors.county)}
        >
          <option value="">Velg fylke …</option>
          {COUNTIES.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
        <FieldMessages id={countyName} errors={errors.county} />
      </div>
      <div>
        <label htmlFor={municipalityName} className="block font-medium">
          {municipalityLabel}
        </label>
        <select
          key={chosenCounty}
          id={municipalityName}
          name={municipalityName}
          className="input mt-1"
          defaultValue={options && !options.some((item) => item.code === municipality) ? "" : municipality}
          {...describedBy(municipalityName, undefined, errors.municipality)}
        >
          <option value="">Velg kommune …</option>
          {options
            ? options.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.label}
                </option>
              ))
            : COUNTIES.map((group) => (
                <optgroup key={group.code} label={group.name}>
                  {municipalityChoices(group.code).map((item) => (
                    <option key={item.code} value={item.code}>
                      {item.label}
                    </option>
                  ))}
                </optgroup>
              ))}
        </select>
        <FieldMessages id={municipalityName} errors={errors.municipality} />
      </div>
    </div>
  );
}
