"use client";

import { useRouter } from "next/navigation";
import { MfaSetup } from "./mfa-setup";

/** Enrolment before anything else; once the codes are saved, on to the console. */
export function EnrolmentGate() {
  const router = useRouter();
  return (
    <MfaSetup
      onDone={() => {
        router.replace("/");
        router.refresh();
      }}
    />
  );
}
