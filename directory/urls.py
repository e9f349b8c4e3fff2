"""URLs of the directory app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted).

Open data (same filters as the directory page: ``?phuong=…&tuyen=…&loai=…&thanh-toan=…&q=…``) and the
QR codes of street posters are served once, outside the page tree.
"""

from django.urls import path

from directory import views

urlpatterns = [
    path("du-lieu-mo/thanh-toan/cua-hang.csv", views.merchants_csv, name="directory_merchants_csv"),
    path("du-lieu-mo/thanh-toan/cua-hang.geojson", views.merchants_geojson, name="directory_merchants_geojson"),
    path("du-lieu-mo/thanh-toan/tuyen-duong.geojson", views.streets_geojson, name="directory_streets_geojson"),
    path("ma-qr/tuyen-duong/<int:page_id>.svg", views.street_qr, {"kind": "svg"}, name="directory_street_qr_svg"),
    path("ma-qr/tuyen-duong/<int:page_id>.png", views.street_qr, {"kind": "png"}, name="directory_street_qr_png"),
]
i18n_urlpatterns = []
