// Builds tenants, trees and users through the public API, as a customer would.
import type { OrganizationKind, Role } from '@campaign-month/contracts';
import type request from 'supertest';

type Http = ReturnType<typeof request>;

export const PASSWORD = 'correct-horse-battery';
let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${Date.now()}@example.test`;
}

const phones = new Set<string>();
/** A 手机号 not handed out before in this process (139 and eight random digits). */
export function uniquePhone(): string {
  for (;;) {
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    if (!phones.has(phone)) {
      phones.add(phone);
      return phone;
    }
  }
}

export interface Tenant {
  tenantId: string;
  rootId: string;
  adminToken: string;
  adminEmail: string;
  adminId: string;
  refreshToken: string;
}

export async function registerTenant(
  http: Http,
  name = '测试市公安局',
  kind: OrganizationKind = 'POLICE',
): Promise<Tenant> {
  const adminEmail = uniqueEmail('admin');
  const res = await http
    .post('/api/v1/auth/register-tenant')
    .send({
      tenantName: name,
      organization: { name, kind },
      admin: { name: '管理员', email: adminEmail, password: PASSWORD },
    })
    .expect(201);
  return {
    tenantId: res.body.tenant.id,
    rootId: res.body.organization.id,
    adminToken: res.body.accessToken,
    adminEmail,
    adminId: res.body.user.id,
    refreshToken: res.body.refreshToken,
  };
}

export async function createOrg(
  http: Http,
  token: string,
  parentId: string,
  name: string,
  kind: OrganizationKind = 'OTHER',
): Promise<string> {
  const res = await http
    .post('/api/v1/organizations')
    .set('Authorization', `Bearer ${token}`)
    .send({ parentId, name, kind });
  if (res.status !== 201) throw new Error(`createOrg ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function createUser(
  http: Http,
  adminToken: string,
  memberships: { organizationId: string; role: Role }[],
  prefix = 'user',
): Promise<{ id: string; email: string; token: string }> {
  const email = uniqueEmail(prefix);
  const res = await http
    .post('/api/v1/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ email, name: prefix, password: PASSWORD, memberships });
  if (res.status !== 201) throw new Error(`createUser ${res.status} ${JSON.stringify(res.body)}`);
  const token = await login(http, email);
  return { id: res.body.id, email, token };
}

export async function login(http: Http, email: string, password = PASSWORD): Promise<string> {
  const res = await http.post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
