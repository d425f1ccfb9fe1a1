// The app's look: a light theme with the edition's navy and gold, readable on a projector.
#pragma once

namespace moussem::ui {
void applyStyle(float scale);
}
