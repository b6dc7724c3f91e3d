import { DomainException } from '@hub/service-kit';

/** Every refusal routing answers with, by code. */
export const RoutingErrors = {
  invalidCredentials: () =>
    new DomainException('AUTH_INVALID_CREDENTIALS', 'Invalid email or password'),
  agentNotFound: () => new DomainException('AGENT_NOT_FOUND', 'No such agent in this workspace'),
  departmentNotFound: () =>
    new DomainException('DEPARTMENT_NOT_FOUND', 'No such department in this workspace'),
  notRouted: () =>
    new DomainException(
      'ROUTING_CONVERSATION_NOT_FOUND',
      'The conversation is not waiting for or assigned to an agent',
    ),
  notQueued: () =>
    new DomainException('ROUTING_NOT_QUEUED', 'The conversation is not waiting in a queue'),
  vipOnlyDepartment: () =>
    new DomainException(
      'ROUTING_VIP_ONLY_DEPARTMENT',
      'The department is reserved for VIP customers, and this customer is not one',
    ),
  noFreeSlot: () => new DomainException('ROUTING_NO_FREE_SLOT', 'The agent has no free chat slot'),
  agentUnavailable: () =>
    new DomainException('ROUTING_AGENT_UNAVAILABLE', 'The agent is not online'),
  alreadyAssignee: () =>
    new DomainException('ROUTING_ALREADY_ASSIGNEE', 'The agent already has this conversation'),
  notInDepartment: () =>
    new DomainException(
      'ROUTING_NOT_IN_DEPARTMENT',
      'Agents can only pick conversations of their departments',
    ),
  transferForbidden: () =>
    new DomainException(
      'ROUTING_TRANSFER_FORBIDDEN',
      'Only the assignee, a supervisor or an admin can transfer',
    ),
  transferTarget: () =>
    new DomainException(
      'ROUTING_TRANSFER_TARGET',
      'Give exactly one of toAgentId and toDepartmentId',
      [{ field: 'toAgentId', message: 'exactly one of toAgentId and toDepartmentId is required' }],
    ),
  adminOnly: () =>
    new DomainException('ROUTING_ADMIN_ONLY', 'Only an admin may change or remove an agent'),
  departmentAdminOnly: () =>
    new DomainException('ROUTING_ADMIN_ONLY', 'Only an admin may change a department'),
  lastAdmin: () =>
    new DomainException(
      'ROUTING_LAST_ADMIN',
      'The workspace would have no active admin left: promote another agent first',
    ),
  actorUnknown: () =>
    new DomainException('ROUTING_ACTOR_UNKNOWN', 'The acting agent is not in this workspace'),
  applyPending: () =>
    new DomainException(
      'ROUTING_APPLY_PENDING',
      'Recorded; the conversation service will be updated shortly',
    ),
  businessHoursNotFound: () =>
    new DomainException(
      'BUSINESS_HOURS_NOT_FOUND',
      'No business hours are set for this workspace or department',
    ),
  slaPolicyNotFound: () =>
    new DomainException('SLA_POLICY_NOT_FOUND', 'No such SLA policy in this workspace'),
  agentEmailTaken: () =>
    new DomainException(
      'ROUTING_AGENT_EMAIL_TAKEN',
      'The workspace already has an agent with this email',
      [{ field: 'email', message: 'email is taken in this workspace' }],
    ),
  invitationInvalid: () =>
    new DomainException(
      'ROUTING_INVITATION_INVALID',
      'The invitation is unknown, already used or expired: ask an admin for a new one',
    ),
  departmentNameTaken: () =>
    new DomainException(
      'ROUTING_DEPARTMENT_NAME_TAKEN',
      'The workspace already has a department with this name',
      [{ field: 'name', message: 'name is taken in this workspace' }],
    ),
  departmentNotEmpty: (waiting: number) =>
    new DomainException(
      'ROUTING_DEPARTMENT_NOT_EMPTY',
      `${waiting} conversation(s) wait in this department: transfer or serve them before deleting it`,
    ),
  agentNotInWorkspace: () =>
    new DomainException('AGENT_NOT_FOUND', 'A member is not an agent of this workspace', [
      { field: 'agentIds', message: 'every member must be an agent of the workspace' },
    ]),
  departmentOfWorkspaceNotFound: () =>
    new DomainException('DEPARTMENT_NOT_FOUND', 'A department is not one of this workspace', [
      { field: 'departmentIds', message: 'every department must be one of the workspace' },
    ]),
  /** A precondition re-checked in SQL failed: the transaction is rolled back, nothing changed. */
  invariant: (message: string) =>
    new DomainException('ROUTING_INVARIANT', `routing refused the change: ${message}; retry`),
} as const;
