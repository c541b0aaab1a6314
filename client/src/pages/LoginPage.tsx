/** /login: username or email, and password. */
import { A } from '@solidjs/router';
import { loginSchema } from '../../../shared/api/schemas.ts';
import { useApi } from '../api/api.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { createForm } from '../forms/create-form.ts';
import { createPageTitle } from '../lib/page-title.ts';
import { createSignedInRedirect } from '../session/createSignedInRedirect.ts';
import { useSession } from '../session/session.ts';
import { AuthCard } from './AuthCard.tsx';

export function LoginPage() {
  createPageTitle(() => 'Log in');
  const api = useApi();
  const session = useSession();
  const { next } = createSignedInRedirect();
  const form = createForm({
    initial: { login: '', password: '' },
    schema: loginSchema,
    onSubmit: async (body) => session.signedIn(await api.auth.login(body)),
  });
  const registerHref = () => (next() ? `/register?next=${encodeURIComponent(next() ?? '')}` : '/register');

  return (
    <AuthCard
      title="Log in to DominoML"
      subtitle="Build scikit-learn pipelines together, visually."
      footer={
        <>
          New to DominoML? <A href={registerHref()}>Create an account</A>
        </>
      }
    >
      <form class="form" ref={form.setFormElement} onSubmit={form.submit} noValidate aria-label="Log in">
        <FormAlert message={form.generalError()} />
        <TextField
          label="Username or email"
          name="login"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          autofocus
          value={form.values.login}
          onValue={(value) => form.setValue('login', value)}
          error={form.error('login')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={form.values.password}
          onValue={(value) => form.setValue('password', value)}
          error={form.error('password')}
        />
        <SubmitButton pending={form.pending()} pendingLabel="Logging in…" class="button--block">
          Log in
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
