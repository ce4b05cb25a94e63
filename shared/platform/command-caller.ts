/**
 * A caller that is a command run by an operator with the county's cloud credentials (first
 * admin, migrations, calendar import), not a signed-in user: audit events name the command as
 * the actor and the operator in the detail.
 */
export interface CommandCaller {
  /** e.g. `admin:create`, `migrate`, `deploy` (the custom resource). */
  command: string;
  /** Who ran it, as the machine knows them (OS user@host, or the CloudFormation stack). */
  operator: string;
}

export const commandActor = (caller: CommandCaller, officeId: string) => ({
  userId: `command:${caller.command}`,
  username: caller.command,
  officeId,
});
