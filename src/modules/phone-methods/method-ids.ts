import type { PhoneType } from "../../generated/prisma/enums.js";

/** Graph's well-known method ids: the same for every user. */
export const PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";

export const PHONE_METHOD_IDS: Record<PhoneType, string> = {
  mobile: "3179e48a-750b-4051-897c-87b9720928f7",
  alternateMobile: "b6332ec1-7057-4abe-9331-3d72feddfe41",
  office: "e37fc753-ff3b-4958-9484-eaa9425c82bc",
};

export function phoneTypeForMethodId(id: string): PhoneType | undefined {
  const lower = id.trim().toLowerCase();
  return (Object.entries(PHONE_METHOD_IDS) as [PhoneType, string][]).find(([, methodId]) => methodId === lower)?.[0];
}
