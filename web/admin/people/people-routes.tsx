import { Hono, type Context } from 'hono';
import { addPerson } from '../../../functions/core/admin/people/add-person.js';
import { findSharedNames } from '../../../functions/core/admin/people/shared-names.js';
import { changePersonEmail } from '../../../functions/core/admin/people/change-person-email.js';
import { editPersonDetails } from '../../../functions/core/admin/people/edit-person-details.js';
import { detailsValues } from '../../../functions/core/admin/people/person-details.js';
import { deactivatePerson, getPersonOrThrow, previewDeactivation, readDeactivateForm } from '../../../functions/core/admin/people/deactivate-person.js';
import { markMailOk, reactivatePerson } from '../../../functions/core/admin/people/person-status.js';
import { revokePersonLinks } from '../../../functions/core/admin/people/revoke-person-links.js';
import { sendPersonLink } from '../../../functions/core/admin/people/send-person-link.js';
import type { Person } from '../../../functions/core/model/person.js';
import type { FormState } from '../actions/form-controls.js';
import type { AdminEnv } from '../admin-env.js';
import { requireAdmin } from '../require-admin.js';
import { DeactivatedPage, DeactivatePage } from './deactivate-page.js';
import { PeoplePage } from './people-page.js';
import { peoplePaths } from './people-paths.js';
import { doneMessages, PersonPage, sendLinkDone, type PersonDone } from './person-page.js';

type PeopleContext = Context<AdminEnv>;

const actorOf = (c: PeopleContext) => {
  const { email, name, personId } = c.get('session');
  return { email, name, personId };
};

async function namesById(c: PeopleContext): Promise<Map<string, string>> {
  return new Map((await c.get('deps').repository.listPeople()).map((p) => [p.id, p.name]));
}

/** The person page, each form as stored, or the one sent as typed with its problems (400). */
async function showPerson(c: PeopleContext, person: Person, sent: { emailForm?: FormState; detailsForm?: FormState } = {}, done?: PersonDone) {
  const { config, repository } = c.get('deps');
  const [actions, people, reminders] = await Promise.all([repository.listActions(), repository.listPeople(), repository.listReminders(person.id)]);
  const live = actions.filter((a) => a.status === 'open' || a.status === 'proposed-closure');
  const emailForm = sent.emailForm ?? { values: { email: person.email }, errors: [] };
  const detailsForm = sent.detailsForm ?? { values: detailsValues(person), errors: [] };
  return c.html(
    <PersonPage
      config={config}
      session={c.get('session')}
      person={person}
      owned={live.filter((a) => a.ownerIds.includes(person.id))}
      sroOf={live.filter((a) => a.sroId === person.id)}
      reminders={reminders}
      refsById={new Map(actions.map((a) => [a.id, a.ref]))}
      done={done}
      sharedNames={findSharedNames(person, people)}
      emailForm={emailForm}
      detailsForm={detailsForm}
    />,
    emailForm.errors.length + detailsForm.errors.length > 0 ? 400 : 200,
  );
}

/** The fields of a form as typed, for the page that shows its problems. */
const typed = (body: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.map((k) => [k, typeof body[k] === 'string' ? body[k] : '']));

/** The directory, with the add-a-person form as typed and its problems (400) or empty. */
async function showPeople(c: PeopleContext, addForm: FormState) {
  const { config, repository } = c.get('deps');
  const [list, actions] = await Promise.all([repository.listPeople(), repository.listActions()]);
  return c.html(<PeoplePage config={config} session={c.get('session')} people={list} actions={actions} addForm={addForm} />, addForm.errors.length > 0 ? 400 : 200);
}

/** The directory and the admin's tools for a person; admins only, reads included (it lists addresses). */
export function createPeopleRoutes() {
  const people = new Hono<AdminEnv>();
  people.use(requireAdmin);

  people.get('/', (c) => showPeople(c, { values: {}, errors: [] }));

  people.post('/', async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const result = await addPerson(deps, actorOf(c), body, deps.clock.now());
    if (!result.ok) return showPeople(c, { values: typed(body, ['name', 'role', 'email', 'aliases']), errors: result.errors });
    return c.redirect(`${peoplePaths.person(result.person.id)}?done=added`, 303);
  });

  people.get('/:id', async (c) => {
    const person = await getPersonOrThrow(c.get('deps').repository, c.req.param('id'));
    const done = c.req.query('done');
    return showPerson(c, person, {}, done && done in doneMessages ? (done as PersonDone) : undefined);
  });

  people.get('/:id/deactivate', async (c) => {
    const deps = c.get('deps');
    const preview = await previewDeactivation(deps, c.req.param('id'));
    return c.html(<DeactivatePage forceName={deps.config.name} session={c.get('session')} {...preview} names={await namesById(c)} state={{ values: {}, errors: [] }} />);
  });

  people.post('/:id/deactivate', async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const form = await readDeactivateForm(deps, c.req.param('id'), body);
    if (!form.ok) {
      const preview = await previewDeactivation(deps, c.req.param('id'));
      const typed = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
      const state = { values: { newSro: typed('newSro'), confirm: typed('confirm') }, errors: form.errors };
      return c.html(<DeactivatePage forceName={deps.config.name} session={c.get('session')} {...preview} names={await namesById(c)} state={state} />, 400);
    }
    const result = await deactivatePerson(deps, actorOf(c), c.req.param('id'), deps.clock.now(), form.newSroId);
    return c.html(<DeactivatedPage forceName={deps.config.name} session={c.get('session')} {...result} names={await namesById(c)} />);
  });

  people.post('/:id/revoke-links', async (c) => {
    const deps = c.get('deps');
    const person = await revokePersonLinks(deps, actorOf(c), c.req.param('id'), deps.clock.now());
    return c.redirect(`${peoplePaths.person(person.id)}?done=links-revoked`, 303);
  });

  people.post('/:id/send-link', async (c) => {
    const deps = c.get('deps');
    const { person, outcome } = await sendPersonLink(deps, actorOf(c), c.req.param('id'), deps.clock.now());
    return c.redirect(`${peoplePaths.person(person.id)}?done=${sendLinkDone[outcome]}`, 303);
  });

  people.post('/:id/mail-ok', async (c) => {
    const deps = c.get('deps');
    const person = await markMailOk(deps, actorOf(c), c.req.param('id'), deps.clock.now());
    return c.redirect(`${peoplePaths.person(person.id)}?done=mail-ok`, 303);
  });

  people.post('/:id/reactivate', async (c) => {
    const deps = c.get('deps');
    const person = await reactivatePerson(deps, actorOf(c), c.req.param('id'), deps.clock.now());
    return c.redirect(`${peoplePaths.person(person.id)}?done=reactivated`, 303);
  });

  people.post('/:id/email', async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const result = await changePersonEmail(deps, actorOf(c), c.req.param('id'), body, deps.clock.now());
    if (!result.ok) return showPerson(c, result.person, { emailForm: { values: typed(body, ['email']), errors: result.errors } });
    return c.redirect(`${peoplePaths.person(result.person.id)}?done=email-changed`, 303);
  });

  people.post('/:id/details', async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const result = await editPersonDetails(deps, actorOf(c), c.req.param('id'), body, deps.clock.now());
    if (!result.ok) return showPerson(c, result.person, { detailsForm: { values: typed(body, ['name', 'role', 'aliases']), errors: result.errors } });
    return c.redirect(`${peoplePaths.person(result.person.id)}?done=details-changed`, 303);
  });

  return people;
}
