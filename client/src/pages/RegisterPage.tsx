/** /register: username, email and password; the new account is logged in at once. */
import { A } from '@solidjs/router';
import { LIMITS, registerSchema } from '../../../shared/api/schemas.ts';
import { useApi } from '../api/api.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { createForm } from '../forms/create-form.ts';
import { createPageTitle } from '../lib/page-title.ts';
import { createSignedInRedirect } from '../session/createSignedInRedirect.ts';
import { useSession } from '../session/session.ts';
import { AuthCard } from './AuthCard.tsx';

export function RegisterPage() {
  createPageTitle(() => 'Create account');
  const api = useApi();
  const session = useSession();
  const { next } = createSignedInRedirect();
  const form = createForm({
    initial: { username: '', email: '', password: '' },
    schema: registerSchema,
    onSubmit: async (body) => session.signedIn(await api.auth.register(body)),
  });
  const loginHref = () => (next() ? `/login?next=${encodeURIComponent(next() ?? '')}` : '/login');

  return (
    <AuthCard
      title="Create your account"
      subtitle="Your pipelines, versions and runs, shared with your team."
      footer={
        <>
          Already have an account? <A href={loginHref()}>Log in</A>
        </>
      }
    >
      <form
        class="form"
        ref={form.setFormElement}
        onSubmit={form.submit}
        noValidate
        aria-label="Create account"
      >
        <FormAlert message={form.generalError()} />
        <TextField
          label="Username"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          autofocus
          maxLength={LIMITS.usernameMax}
          hint={`${LIMITS.usernameMin}–${LIMITS.usernameMax} letters, digits, "_", "." or "-". Others see it.`}
          value={form.values.username}
          onValue={(value) => form.setValue('username', value)}
          error={form.error('username')}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={form.values.email}
          onValue={(value) => form.setValue('email', value)}
          error={form.error('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autocomplete="new-password"
          hint={`At least ${LIMITS.passwordMin} characters.`}
          value={form.values.password}
          onValue={(value) => form.setValue('password', value)}
          error={form.error('password')}
        />
        <SubmitButton pending={form.pending()} pendingLabel="Creating account…" class="button--block">
          Create account
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
