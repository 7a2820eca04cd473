/**
 * The learner's share link on the settings page, shown while the saved visibility lets link
 * holders in (link or public). Copying uses the Clipboard API; where the browser refuses it
 * (e.g. a plain-http address other than localhost) the address stays selectable in its field.
 */
import { useState } from "react";
import type { Visibility } from "../api/api-types.js";
import { Field } from "../components/field.js";
import { shareLinkUrl } from "./share-link.js";

export function ShareLinkSection({
  sharePath,
  visibility,
}: {
  sharePath: string;
  visibility: Visibility;
}) {
  const [announcement, setAnnouncement] = useState("");
  if (visibility === "private") return null;
  const url = shareLinkUrl(sharePath, window.location.origin);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setAnnouncement("The share link is copied.");
    } catch (error) {
      // the browser's own reason (permission, insecure context) helps more than a generic line
      const reason = error instanceof Error ? ` (${error.message})` : "";
      setAnnouncement(`Copying is not allowed here${reason}; select the link and copy it.`);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="share-title">
      <h2 id="share-title">Share link</h2>
      <p className="hint">
        Whoever opens this address sees your headline, track, verified skills and endorsements,
        without signing in. Set your profile back to private to close the link.
      </p>
      <div className="inline-form">
        <Field
          label="Your share link"
          type="url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p role="status" className="hint">
        {announcement}
      </p>
    </section>
  );
}
