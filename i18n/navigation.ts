import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// Client components only (the account forms): server components use components/ui/link.tsx, which keeps
// next-intl's client runtime out of public pages.
export const { Link } = createNavigation(routing);
