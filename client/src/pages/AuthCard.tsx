/** The centred card around the login and register forms. */
import type { JSX } from 'solid-js';
import { Logo } from '../components/Logo.tsx';

export function AuthCard(props: {
  title: string;
  subtitle: string;
  children: JSX.Element;
  footer: JSX.Element;
}) {
  return (
    <div class="auth-page">
      <section class="auth-card" aria-labelledby="auth-title">
        <div class="auth-card__brand">
          <Logo size={32} />
        </div>
        <h1 id="auth-title" class="auth-card__title">
          {props.title}
        </h1>
        <p class="auth-card__subtitle">{props.subtitle}</p>
        {props.children}
      </section>
      <p class="auth-page__footer">{props.footer}</p>
    </div>
  );
}
