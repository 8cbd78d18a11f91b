/** Accounts, roles, passwords and sessions of the web desk. */
export { UsersRepo, usernameProblem, type NewUser, type User, type UserAccounts } from './users.js'
export { SessionsRepo, DEFAULT_SESSION_POLICY, type Session, type SessionPolicy, type SessionStore } from './sessions.js'
export { LoginLimiter, DEFAULT_LIMITS, type LimiterOptions } from './loginLimiter.js'
export { ROLES, PERMISSIONS, can, isRole, limitedToOwnPatients, parseRoles, permissionsOf, type Permission, type Role } from './roles.js'
export { hashPassword, verifyPassword, oneTimePassword, passwordProblem, DEFAULT_COST, type ScryptCost } from './passwords.js'
