// Account administration for the admin routes. Domain logic lives in server/users.
export { listUsers, getUserForAdmin } from "@server/users/list-users.ts";
export { createUser } from "@server/users/create-user.ts";
export { changeUserRole, resetUserPassword, setUserDisabled, setUserMemberships } from "@server/users/change-user.ts";
export { ROLES } from "@server/users/user-input.ts";
