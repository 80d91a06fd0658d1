import { describe, expect, it } from 'vitest';
import { NotificationPage } from '@marac/shared';
import { notifyUsers } from '../../../../server/src/modules/notifications/repository';
import { makeArea, makeUser, signIn, testApp } from '../../helper';

describe('notifications', () => {
  it('lists unread notices first, newest first within unread and read, with the count unread', async () => {
    const { app, database, clock } = await testApp();
    const area = makeArea(database);
    const user = await makeUser(database, { role: 'coordinator', areaIds: [area.id] });
    const tell = (subject: string) => {
      notifyUsers(database.db, [user.id], { subject, body: `${subject}.`, link: '/actions', dedupeKey: subject }, clock.now());
      clock.advanceMinutes(1);
    };
    tell('First');
    tell('Second');
    tell('Third');
    const agent = await signIn(app, user.email);
    const list = async () => NotificationPage.parse((await agent.request({ method: 'GET', url: '/api/notifications' })).json());

    const before = await list();
    expect(before.items.map((n) => n.subject)).toEqual(['Third', 'Second', 'First']);
    const third = before.items[0]?.id as string;
    expect((await agent.request({ method: 'POST', url: `/api/notifications/${third}/read` })).statusCode).toBe(204);

    const after = await list();
    // The newest, now read, goes below the two still unread.
    expect(after.items.map((n) => [n.subject, n.readAt === null])).toEqual([
      ['Second', true],
      ['First', true],
      ['Third', false],
    ]);
    expect(after).toMatchObject({ total: 3, unread: 2 });
  });
});
