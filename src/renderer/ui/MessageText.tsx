/** What an action said: a confirmation, or a refusal. */
export interface Message {
  text: string;
  error: boolean;
}

/** The line under an action: a status when it went through, an alert when it did not. */
export function MessageText({ message }: { message: Message | null }) {
  if (!message) return null;
  return (
    <p
      className={message.error ? 'form__error' : 'notice'}
      role={message.error ? 'alert' : 'status'}
    >
      {message.text}
    </p>
  );
}
