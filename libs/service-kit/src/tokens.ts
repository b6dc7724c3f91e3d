/** The validated env of the running service (an instance of its ServiceEnv subclass). */
export const SERVICE_ENV = Symbol('SERVICE_ENV');
/** The running service's name: `crm`, `gateway`... */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
