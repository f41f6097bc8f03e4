import { Icon, type IconName } from "./Icon";

export function EmptyState({ icon, title, body }: { icon: IconName; title: string; body: string }) {
  return (
    <section className="empty-state" aria-labelledby={`empty-${icon}`}>
      <div className="empty-state__icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 className="empty-state__title" id={`empty-${icon}`}>
        {title}
      </h2>
      <p className="empty-state__body">{body}</p>
    </section>
  );
}
