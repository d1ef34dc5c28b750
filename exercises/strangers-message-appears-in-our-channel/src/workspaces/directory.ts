export type Role = 'owner' | 'member' | 'guest';

export type Channel = {
  id: string;
  workspaceId: string;
  name: string;
  /** Private channels are visible to their members only; public ones to every member of the workspace. */
  private: boolean;
  archived: boolean;
  members: Set<string>;
};

/** Workspaces (one per customer company), who belongs to them, and their channels. */
export class Directory {
  private readonly memberships = new Map<string, Map<string, Role>>();
  private readonly channels = new Map<string, Channel>();

  addMember(workspaceId: string, actorId: string, role: Role): void {
    const members = this.memberships.get(workspaceId) ?? new Map<string, Role>();
    members.set(actorId, role);
    this.memberships.set(workspaceId, members);
  }

  roleIn(workspaceId: string, actorId: string): Role | undefined {
    return this.memberships.get(workspaceId)?.get(actorId);
  }

  createChannel(channel: Omit<Channel, 'archived' | 'members'> & { members?: string[] }): Channel {
    if (this.channels.has(channel.id)) throw new Error(`channel ${channel.id} exists`);
    if (!this.memberships.has(channel.workspaceId)) throw new Error(`no workspace ${channel.workspaceId}`);
    const stored: Channel = { ...channel, archived: false, members: new Set(channel.members ?? []) };
    this.channels.set(stored.id, stored);
    return stored;
  }

  /** Channel ids are unique across all workspaces. */
  channel(channelId: string): Channel | undefined {
    return this.channels.get(channelId);
  }

  channelsOf(workspaceId: string): Channel[] {
    return [...this.channels.values()].filter((channel) => channel.workspaceId === workspaceId);
  }
}
